// Gives the page's own tasks (input, rendering, its scripts) a turn between our slices.
// scheduler.yield() keeps our place at the front of the queue where browsers have it;
// elsewhere a MessageChannel message is a task without setTimeout's 4 ms clamp.

interface SchedulerLike {
  yield?: () => Promise<void>;
}

export function yieldToPage(win: Window & typeof globalThis): Promise<void> {
  const scheduler = (win as unknown as { scheduler?: SchedulerLike }).scheduler;
  if (scheduler?.yield) return scheduler.yield.call(scheduler);
  return new Promise((resolve) => {
    const channel = new win.MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** Milliseconds of work per slice: a slice plus the browser's own work stays well under 50 ms. */
export const SLICE_MS = 8;
