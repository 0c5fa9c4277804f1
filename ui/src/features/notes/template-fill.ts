// Filling a note from a template. A template replaces the body and the takeaways; the time,
// title, channel and the well-being check stay as typed. Whether that can lose anything is asked
// of what the user typed: a note that is empty, or still exactly the template it started from, can
// be refilled without asking.
import type { Template } from "../../bindings/Template";
import type { NoteFields } from "./note-input";

export function fillFromTemplate(note: NoteFields, template: Template): NoteFields {
  return { ...note, body: template.body, takeaways: template.takeaways.length > 0 ? [...template.takeaways] : [""] };
}

const kept = (takeaways: string[]) => takeaways.map((t) => t.trim()).filter((t) => t.length > 0);

/** The body and takeaways hold nothing the user typed (empty, or the template as it was filled in). */
export function untouched(note: NoteFields, from?: Template): boolean {
  const body = note.body.trim();
  const takeaways = kept(note.takeaways);
  if (body === "" && takeaways.length === 0) return true;
  if (!from) return false;
  return body === from.body.trim() && JSON.stringify(takeaways) === JSON.stringify(kept(from.takeaways));
}
