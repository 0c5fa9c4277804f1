import { describe, expect, it } from "vitest";
import { mockIPC } from "@tauri-apps/api/mocks";
import { render, screen } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import RelationshipCheck from "./RelationshipCheck.svelte";
import type { RelationshipCheckInput } from "../../bindings/RelationshipCheckInput";
import type { RelationshipChecks } from "../../bindings/RelationshipChecks";

const base: RelationshipChecks = { mentorId: 1, everyWeeks: 8, due: { kind: "due", since: "2026-11-20" }, trend: "tooFew", checks: [] };

function setup(state: RelationshipChecks) {
  const sent: RelationshipCheckInput[] = [];
  mockIPC((cmd, raw) => {
    if (cmd === "relationship_checks_get") return state;
    if (cmd === "relationship_check_add") {
      const check = (raw as { check: RelationshipCheckInput }).check;
      sent.push(check);
      return { id: 1, mentorId: 1, ...check, answeredOn: "2026-12-02" };
    }
    throw new Error(`unexpected ${cmd}`);
  });
  render(RelationshipCheck, { props: { mentorId: 1, name: "Dr. Amara Osei" } });
  return { sent, user: userEvent.setup() };
}

describe("RelationshipCheck", () => {
  it("asks the three questions when due, and keeps nothing until all three are answered", async () => {
    const { sent, user } = setup(base);
    await user.click(await screen.findByTestId("check-start"));
    await user.click(screen.getByTestId("check-helping-4"));
    await user.click(screen.getByTestId("check-save"));
    expect(await screen.findByText("Answer the three questions (1 to 5).")).toBeInTheDocument();
    expect(sent).toHaveLength(0);
    await user.click(screen.getByTestId("check-meetingAsAgreed-2"));
    await user.click(screen.getByTestId("check-wantToContinue-5"));
    await user.type(screen.getByTestId("check-note"), "We keep rescheduling.");
    await user.click(screen.getByTestId("check-save"));
    await screen.findByText("Kept. Only you can see it.");
    expect(sent[0]).toEqual({ answeredOn: null, helping: 4, meetingAsAgreed: 2, wantToContinue: 5, note: "We keep rescheduling." });
  });

  it("prompts gently when the answers fall", async () => {
    const check = (id: number, on: string, v: number) => ({
      id,
      mentorId: 1,
      answeredOn: on,
      helping: v,
      meetingAsAgreed: v,
      wantToContinue: v,
      note: "",
    });
    setup({
      ...base,
      due: { kind: "upcoming", on: "2027-01-20" },
      trend: "falling",
      checks: [check(1, "2026-09-01", 5), check(2, "2026-11-01", 2)],
    });
    const prompt = await screen.findByTestId("check-falling");
    expect(prompt).toHaveTextContent("ending it keeps every note");
    expect(screen.getByTestId("check-history")).toHaveTextContent("6 / 15");
  });
});
