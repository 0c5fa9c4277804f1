import type { Mentor } from "../../bindings/Mentor";
import type { MentorInput } from "../../bindings/MentorInput";

/** A blank mentor form with a name. */
export function emptyMentor(name = ""): MentorInput {
  return {
    name,
    role: "",
    specialty: "",
    institution: "",
    email: "",
    phone: "",
    howWeMet: "",
    origin: null,
    privateNotes: "",
    focusAreas: [],
    status: null,
    cadenceDays: null,
    usualChannel: null,
    agreedGoals: "",
    introducedBy: null,
  };
}

/** The editable part of a saved mentor. */
export function toInput(m: Mentor): MentorInput {
  return {
    name: m.name,
    role: m.role,
    specialty: m.specialty,
    institution: m.institution,
    email: m.email,
    phone: m.phone,
    howWeMet: m.howWeMet,
    origin: m.origin,
    privateNotes: m.privateNotes,
    focusAreas: [...m.focusAreas],
    status: null,
    cadenceDays: m.cadenceDays,
    usualChannel: m.usualChannel,
    agreedGoals: m.agreedGoals,
    introducedBy: m.introducedBy,
  };
}
