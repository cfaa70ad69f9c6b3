import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { createPostQueue } from '../../../src/channels/slack/post-queue.ts';

// Slack allows about one post per second per channel: posts to one channel wait their
// turn (none is dropped), posts to other channels do not wait for them. Fake timers:
// nothing here depends on the machine's speed.

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

it('spaces posts to one channel a second apart, keeps their order, and lets other channels through', async () => {
  const queue = createPostQueue(1000);
  const started: string[] = [];
  const post = (name: string) => async () => {
    started.push(name);
    return name;
  };
  const a = [queue.run('C1', post('a1')), queue.run('C1', post('a2')), queue.run('C1', post('a3'))];
  const b = queue.run('C2', post('b1'));
  await vi.advanceTimersByTimeAsync(0);
  expect(started).toEqual(['a1', 'b1']);
  await vi.advanceTimersByTimeAsync(999);
  expect(started).toEqual(['a1', 'b1']);
  await vi.advanceTimersByTimeAsync(1);
  expect(started).toEqual(['a1', 'b1', 'a2']);
  await vi.advanceTimersByTimeAsync(1000);
  expect(started).toEqual(['a1', 'b1', 'a2', 'a3']);
  expect(await Promise.all([...a, b])).toEqual(['a1', 'a2', 'a3', 'b1']);
});

it('keeps the queue moving after a failed post, and reports the failure to its caller', async () => {
  const queue = createPostQueue(1000);
  const failed = queue.run('C1', () => Promise.reject(new Error('rate limited')));
  const next = queue.run('C1', async () => 'sent');
  await expect(failed).rejects.toThrow('rate limited');
  await vi.advanceTimersByTimeAsync(1000);
  expect(await next).toBe('sent');
});
