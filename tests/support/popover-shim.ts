// happy-dom has no popover API; the tooltip's card is a manual popover. This stands in
// for showPopover/hidePopover and the :popover-open state, nothing more.
const openPopovers = new WeakSet<Element>();
const proto = HTMLElement.prototype as HTMLElement & { showPopover?: () => void; hidePopover?: () => void };
if (!proto.showPopover) {
  proto.showPopover = function (this: HTMLElement) {
    openPopovers.add(this);
  };
  proto.hidePopover = function (this: HTMLElement) {
    openPopovers.delete(this);
  };
  const matches = Element.prototype.matches;
  Element.prototype.matches = function (this: Element, selector: string) {
    return selector === ':popover-open' ? openPopovers.has(this) : matches.call(this, selector);
  };
}
export {};
