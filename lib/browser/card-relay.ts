import { onMessage, sendMessage } from './messages';

// The background's relay between a child frame and its tab's top frame, which draws
// the child's cards so that they are never cut off at the frame's edge (frames cannot
// speak to each other without the page seeing it). The background holds nothing: each
// message names its frame, and the browser names the sender.

export function registerCardRelay(): () => void {
  const stops = [
    onMessage('cardAbove', async ({ data, sender }) => {
      const tabId = sender.tab?.id;
      const frameId = sender.frameId;
      // The top frame draws its own cards.
      if (tabId === undefined || !frameId) return false;
      return (await sendMessage('drawCard', { ...data, frameId }, { tabId, frameId: 0 }).catch(() => false)) === true;
    }),
    onMessage('cardAboveChange', async ({ data, sender }) => {
      const tabId = sender.tab?.id;
      const frameId = sender.frameId;
      if (tabId === undefined || !frameId) return;
      await sendMessage('cardChange', { ...data, frameId }, { tabId, frameId: 0 }).catch(() => undefined);
    }),
    onMessage('cardBelow', async ({ data, sender }) => {
      const tabId = sender.tab?.id;
      // Only a top frame speaks for the cards it draws, and only to a frame of its own tab.
      if (tabId === undefined || sender.frameId !== 0 || !(data.frameId > 0)) return;
      await sendMessage('cardEvent', { token: data.token, event: data.event }, { tabId, frameId: data.frameId }).catch(
        () => undefined,
      );
    }),
  ];
  return () => stops.forEach((stop) => stop());
}
