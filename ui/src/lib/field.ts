// The attributes that tie a control to its error message: invalid while there is one, and
// described by it. A labelled field's error id is the control's id plus "-error".

export interface InvalidAttrs {
  "aria-invalid": "true" | undefined;
  "aria-describedby": string | undefined;
}

export interface FieldAttrs extends InvalidAttrs {
  id: string;
}

export function errorId(id: string): string {
  return `${id}-error`;
}

/** For a control whose error is shown elsewhere (under an inline form), by that message's id. */
export function invalidAttrs(error: string | undefined, messageId: string): InvalidAttrs {
  return { "aria-invalid": error ? "true" : undefined, "aria-describedby": error ? messageId : undefined };
}

export function fieldAttrs(id: string, error: string | undefined): FieldAttrs {
  return { id, ...invalidAttrs(error, errorId(id)) };
}

/** What a date field half typed says (WebKit shows day, month and year as parts to fill in). */
export const UNFINISHED_DATE = "Finish the date (day, month and year), or clear it.";

/**
 * The first date field in `form` the user began typing but did not finish, by its `name` ("" when
 * it has none), or null. The browser reports such a field's value as "", as if it were empty,
 * so without this a half-typed date would be saved as no date, or as a default.
 */
export function unfinishedDate(form: HTMLFormElement): string | null {
  const field = [...form.querySelectorAll<HTMLInputElement>('input[type="date"]')].find((i) => i.validity.badInput);
  return field ? field.name : null;
}
