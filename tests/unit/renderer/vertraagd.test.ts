// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { nextTick, ref } from 'vue';
import { useVertraagd } from '../../../renderer/composables/useAanroep';

describe('useVertraagd: een spinner pas als het wachten duurt', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('een korte aanroep laat niets zien; een lange na 300 ms, tot hij klaar is', async () => {
    const bezig = ref(false);
    const traag = useVertraagd(bezig);
    bezig.value = true;
    await nextTick();
    vi.advanceTimersByTime(120);
    bezig.value = false;
    await nextTick();
    vi.advanceTimersByTime(1_000);
    expect(traag.value).toBe(false);

    bezig.value = true;
    await nextTick();
    vi.advanceTimersByTime(299);
    expect(traag.value).toBe(false);
    vi.advanceTimersByTime(1);
    expect(traag.value).toBe(true);
    bezig.value = false;
    await nextTick();
    expect(traag.value).toBe(false);
  });
});
