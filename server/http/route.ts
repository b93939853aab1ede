import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { RegelId } from '../../shared/rules/weigering';
import type { IngelogdeGebruiker } from '../auth/sessies';
import { valideer } from './valideer';

export type Toegang = 'open' | 'sessie' | 'gebruiker' | 'beheerder';

export interface RouteContext<B> {
  req: FastifyRequest;
  reply: FastifyReply;
  body: B;
  gebruiker: IngelogdeGebruiker;
  params: Record<string, string>;
  query: Record<string, string | undefined>;
}

export interface RouteSpec<S extends z.ZodType | undefined = undefined> {
  methode: 'GET' | 'POST' | 'PUT' | 'DELETE';
  pad: string;
  toegang: Toegang;
  samenvatting: string;
  tag: string;
  body?: S;
  /** The rule a malformed body breaks, named in the 400 answer. */
  regel?: RegelId;
  antwoord: { status: number; schema?: z.ZodType; type?: string; beschrijving?: string };
  weigeringen?: number[];
  query?: Record<string, string>;
  handler: (ctx: RouteContext<S extends z.ZodType ? z.infer<S> : undefined>) => unknown;
}

/** Every route the server has, as its OpenAPI document describes it. */
export type Routecatalogus = RouteSpec<z.ZodType | undefined>[];

declare module 'fastify' {
  interface FastifyContextConfig {
    toegang?: Toegang;
  }
  interface FastifyRequest {
    gebruiker?: IngelogdeGebruiker;
    idempotencyKey?: string;
  }
}

/**
 * Registers a route from its spec: the body is parsed with its schema from `shared/schemas`,
 * access is checked by the hooks from `config.toegang`, and the handler's value is the answer.
 */
export function definieer<S extends z.ZodType | undefined>(app: FastifyInstance, catalogus: Routecatalogus, spec: RouteSpec<S>): void {
  catalogus.push(spec as unknown as RouteSpec<z.ZodType | undefined>);
  app.route({
    method: spec.methode,
    url: spec.pad,
    config: { toegang: spec.toegang },
    handler: async (req, reply) => {
      const body = spec.body ? valideer(spec.body, req.body, spec.regel) : undefined;
      const waarde = await spec.handler({
        req,
        reply,
        body: body as never,
        gebruiker: req.gebruiker as IngelogdeGebruiker,
        params: req.params as Record<string, string>,
        query: req.query as Record<string, string | undefined>,
      });
      if (reply.sent) return reply;
      reply.code(spec.antwoord.status);
      if (spec.antwoord.status === 204) return reply.send();
      return reply.send(waarde);
    },
  });
}
