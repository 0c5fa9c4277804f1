// Escape cancels an inline form as its Cancel button does (New goal, Record review, Edit details),
// unless something inside the form already used the key (a dialog, a picker).
import type { Attachment } from "svelte/attachments";

export function cancelOnEscape(oncancel: () => void): Attachment<HTMLFormElement> {
  return (form) => {
    const onkeydown = (event: KeyboardEvent) => {
      if (event.key !== "Escape" || event.defaultPrevented) return;
      event.preventDefault();
      oncancel();
    };
    form.addEventListener("keydown", onkeydown);
    return () => form.removeEventListener("keydown", onkeydown);
  };
}
