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
