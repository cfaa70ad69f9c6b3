// Slack allows about one message per second per channel. Posts to one channel wait
// their turn here instead of being dropped or refused with 429: each channel keeps a
// chain of posts, the next starting `intervalMs` after the previous one started.

export interface PostQueue {
  run<T>(channelId: string, post: () => Promise<T>): Promise<T>;
}

export function createPostQueue(intervalMs: number): PostQueue {
  const tails = new Map<string, Promise<void>>();
  return {
    run(channelId, post) {
      const previous = tails.get(channelId) ?? Promise.resolve();
      const result = previous.then(post);
      // The slot is free one interval after this post started, whatever its outcome.
      const tail = previous.then(() => new Promise<void>((resolve) => setTimeout(resolve, intervalMs)));
      tails.set(channelId, tail);
      void tail.then(() => {
        if (tails.get(channelId) === tail) tails.delete(channelId);
      });
      return result;
    },
  };
}
