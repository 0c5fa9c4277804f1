// Whole objects as Rust sends them, for component tests; each test overrides what it is about.
import type { Goal } from "../bindings/Goal";
import type { GoalDetail } from "../bindings/GoalDetail";
import type { Mentor } from "../bindings/Mentor";
import type { Template } from "../bindings/Template";

export function mentor(over: Partial<Mentor> = {}): Mentor {
  return {
    id: 1,
    name: "Dr. Amara Osei",
    role: "",
    specialty: "",
    institution: "",
    email: "",
    phone: "",
    howWeMet: "",
    origin: "organic",
    privateNotes: "",
    focusAreas: [],
    status: "active",
    statusSince: "2026-01-01",
    endReason: "",
    cadenceDays: null,
    usualChannel: null,
    agreedGoals: "",
    introducedBy: null,
    defaultTemplateId: null,
    createdAt: "2026-01-01T00:00:00Z",
    nextStatuses: ["paused", "ended"],
    ...over,
  };
}

export function goal(over: Partial<Goal> = {}): Goal {
  return {
    id: 5,
    title: "Submit the registry paper",
    description: "",
    category: "Research",
    successCriteria: "",
    targetDate: null,
    status: "active",
    statusSince: "2026-01-01",
    progressFrom: "reviews",
    setOn: "2026-01-01",
    mentorIds: [],
    progress: 0,
    lastReviewed: null,
    milestonesDone: 0,
    milestonesTotal: 0,
    createdAt: "2026-01-01T00:00:00Z",
    nextStatuses: ["achieved", "paused", "dropped"],
    ...over,
  };
}

export function goalDetail(over: Partial<Goal> = {}): GoalDetail {
  return { goal: goal(over), mentors: [], milestones: [], reviews: [], milestoneProgress: [], history: [], actionItems: [] };
}

export function template(over: Partial<Template> = {}): Template {
  return {
    id: 2,
    name: "Regular check-in",
    description: "What happened since last time, what to ask, what is next.",
    body: "## Since we last met\n- ",
    takeaways: ["Next time: …"],
    builtinKey: "check_in",
    defaultForMentors: 0,
    createdAt: "2026-01-01T00:00:00",
    updatedAt: "2026-01-01T00:00:00",
    ...over,
  };
}
