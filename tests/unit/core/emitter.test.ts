import { describe, expect, test } from 'vitest';
import { Emitter } from '../../../utils/core/emitter';

const noErrors = (error: unknown): never => {
  throw error;
};

describe('Emitter', () => {
  test('a listener hears values until its signal aborts', () => {
    const emitter = new Emitter<number>(noErrors);
    const heard: number[] = [];
    const life = new AbortController();
    emitter.subscribe((value) => heard.push(value), life.signal);
    emitter.emit(1);
    life.abort();
    emitter.emit(2);
    expect(heard).toEqual([1]);
    expect(emitter.size).toBe(0);
  });

  test('an already aborted signal subscribes nothing', () => {
    const emitter = new Emitter<number>(noErrors);
    emitter.subscribe(() => undefined, AbortSignal.abort());
    expect(emitter.size).toBe(0);
  });

  test('a value emitted from inside a listener reaches everyone after the current one', () => {
    const emitter = new Emitter<string>(noErrors);
    const heard: string[] = [];
    const life = new AbortController();
    emitter.subscribe((value) => {
      heard.push(`a:${value}`);
      if (value === 'first') emitter.emit('second');
    }, life.signal);
    emitter.subscribe((value) => heard.push(`b:${value}`), life.signal);
    emitter.emit('first');
    expect(heard).toEqual(['a:first', 'b:first', 'a:second', 'b:second']);
  });

  test('a throwing listener is reported and does not silence the others', () => {
    const errors: unknown[] = [];
    const emitter = new Emitter<number>((error) => errors.push(error));
    const heard: number[] = [];
    const life = new AbortController();
    emitter.subscribe(() => {
      throw new Error('boom');
    }, life.signal);
    emitter.subscribe((value) => heard.push(value), life.signal);
    emitter.emit(1);
    expect(heard).toEqual([1]);
    expect(errors).toEqual([new Error('boom')]);
  });
});
