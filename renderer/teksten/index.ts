// Every UI text module of the renderer, re-exported: screens import from here.
export * from './algemeen';
export * from './vergrendeling';
export * from './wachtrij';
export * from './handboek';
export * from './signalen';
export * from './persoon';
export * from './formulieren';
