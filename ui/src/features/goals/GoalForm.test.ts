import { describe, expect, it, vi } from "vitest";
import { mockIPC } from "@tauri-apps/api/mocks";
import { render, screen } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import GoalForm from "./GoalForm.svelte";

function setup(answer: (goal: Record<string, unknown>) => unknown) {
  const sent: Array<Record<string, unknown>> = [];
  mockIPC((cmd, args) => {
    if (cmd === "goal_categories") return ["Skill development", "Research"];
    if (cmd === "mentors_list") return [];
    if (cmd === "goal_add") {
      const goal = (args as { goal: Record<string, unknown> }).goal;
      sent.push(goal);
      return answer(goal);
    }
    throw new Error(`unexpected ${cmd}`);
  });
  const onsaved = vi.fn();
  render(GoalForm, { props: { onsaved, oncancel: vi.fn() } });
  return { sent, onsaved, user: userEvent.setup() };
}

describe("GoalForm", () => {
  it("shows a refused target date beside its field and keeps what was typed", async () => {
    const { sent, onsaved, user } = setup(() => {
      throw { code: "VALIDATION", message: "The target date is before the goal was set (2026-11-22).", field: "targetDate" };
    });
    await user.type(screen.getByLabelText("Goal"), "Present at grand rounds");
    await user.type(screen.getByLabelText("Category"), "Teaching");
    await user.click(screen.getByRole("button", { name: "Add goal" }));
    const error = await screen.findByText(/before the goal was set/);
    expect(error).toHaveAttribute("data-testid", "gf-target-error");
    expect(screen.getByLabelText("Target date")).toHaveAttribute("aria-invalid", "true");
    expect(screen.getByLabelText("Goal")).toHaveValue("Present at grand rounds");
    expect(screen.getByLabelText("Category")).toHaveValue("Teaching");
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ title: "Present at grand rounds", category: "Teaching", targetDate: null, progressFrom: "reviews" });
    expect(onsaved).not.toHaveBeenCalled();
  });

  it("hands the saved goal back", async () => {
    const { onsaved, user } = setup((goal) => ({ id: 7, ...goal }));
    await user.type(screen.getByLabelText("Goal"), "Learn point-of-care ultrasound");
    await user.click(screen.getByRole("button", { name: "Add goal" }));
    await vi.waitFor(() => expect(onsaved).toHaveBeenCalledOnce());
    expect(onsaved.mock.calls[0]?.[0]).toMatchObject({ id: 7, title: "Learn point-of-care ultrasound" });
  });

  it("offers where progress comes from as two radios named by their labels, reviews first", async () => {
    const { sent, user } = setup((goal) => ({ id: 8, ...goal }));
    const group = screen.getByRole("group", { name: "Progress comes from" });
    const reviews = screen.getByRole("radio", { name: /^My reviews/ });
    const milestones = screen.getByRole("radio", { name: /^Milestones done/ });
    expect(group).toContainElement(reviews);
    expect(reviews).toBeChecked();
    // The label says what each choice means, not only its name.
    expect(reviews).toHaveAccessibleName(/I estimate it/);
    expect(milestones).toHaveAccessibleName(/milestones I have ticked off/);
    await user.type(screen.getByLabelText("Goal"), "Run the journal club");
    await user.click(screen.getByText("Milestones done"));
    expect(milestones).toBeChecked();
    await user.click(screen.getByRole("button", { name: "Add goal" }));
    await vi.waitFor(() => expect(sent[0]).toMatchObject({ progressFrom: "milestones" }));
  });
});
