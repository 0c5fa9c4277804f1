// Focus for what appears after a user action (the note picker after Ctrl+N, a form opened by a
// button, a dialog): the HTML `autofocus` attribute only acts on page load, and Svelte's version
// of it only when nothing else has focus, so after a click the focus stayed on the button that
// was clicked and typing went nowhere. Use `{@attach focusOnMount}` instead.
import type { Attachment } from "svelte/attachments";

export const focusOnMount: Attachment<HTMLElement> = (element) => {
  queueMicrotask(() => {
    if (element.isConnected) element.focus();
  });
};
