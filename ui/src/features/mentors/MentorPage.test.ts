import { describe, expect, it } from "vitest";
import { mockIPC } from "@tauri-apps/api/mocks";
import { render, screen, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import MentorPage from "./MentorPage.svelte";
import type { Mentor } from "../../bindings/Mentor";
import type { MentorStatus } from "../../bindings/MentorStatus";
import { mentor } from "../../test/fixtures";
import { conversation } from "../notes/fixtures";
import type { Conversation } from "../../bindings/Conversation";
import { todayIso } from "../../lib/format";

/** A mentor page whose core allows the changes in `next`; records what `mentor_set_status` gets. */
function setup(
  status: MentorStatus,
  next: MentorStatus[],
  impact = { conversations: 0, actionItems: 0, outreach: 0, relationshipChecks: 0, reviews: 0 },
) {
  let current: Mentor = mentor({ status, nextStatuses: next });
  const changes: unknown[] = [];
  mockIPC((cmd, args) => {
    switch (cmd) {
      case "mentor_get":
        return current;
      case "mentor_deletion_impact":
        return impact;
      case "mentor_set_status": {
        const change = (args as { change: { status: MentorStatus; note: string } }).change;
        changes.push(change);
        current = mentor({ status: change.status, endReason: change.note, nextStatuses: ["active"] });
        return current;
      }
      case "mentors_list":
      case "mentor_history":
      case "conversations_list":
        return [[], false];
      case "outreach_list":
      case "action_items_list":
      case "mentor_introductions":
      case "focus_areas_list":
        return [];
    }
    throw new Error(`unexpected ${cmd}`);
  });
  render(MentorPage, { props: { id: 1 } });
  return { changes, user: userEvent.setup() };
}

const statusButtons = () =>
  screen.queryAllByTestId(/^status-(prospective|active|paused|ended)$/).map((b) => [b.dataset.testid, b.textContent]);

describe("MentorPage status changes", () => {
  it("offers exactly the changes the core allows, worded from the current status", async () => {
    setup("prospective", ["active", "ended"]);
    await screen.findByTestId("mentor-page-name");
    expect(statusButtons()).toEqual([
      ["status-active", "They agreed: make active"],
      ["status-ended", "Stop pursuing"],
    ]);
  });

  it("ends with a day and a private reason, then offers what the core allows next", async () => {
    const { changes, user } = setup("active", ["paused", "ended"]);
    await user.click(await screen.findByRole("button", { name: "End relationship" }));
    const dialog = screen.getByRole("dialog");
    expect(dialog).toHaveTextContent("It is OK to end a mentorship");
    await user.type(within(dialog).getByLabelText("Private reason (optional)"), "Moved to another hospital");
    await user.click(within(dialog).getByRole("button", { name: "End relationship" }));
    expect(await screen.findByTestId("end-reason")).toHaveTextContent("Moved to another hospital");
    expect(changes).toEqual([{ status: "ended", on: todayIso(), note: "Moved to another hospital" }]);
    expect(statusButtons()).toEqual([["status-active", "Reactivate"]]);
  });
});

describe("MentorPage edit form", () => {
  it("opens with the cursor in the name, and Escape closes it as Cancel does", async () => {
    const { user } = setup("active", ["paused", "ended"]);
    await user.click(await screen.findByRole("button", { name: "Edit details" }));
    await expect.poll(() => document.activeElement).toBe(screen.getByLabelText("Name"));
    await user.keyboard("{Escape}");
    expect(screen.queryByTestId("mentor-form")).not.toBeInTheDocument();
    await expect.poll(() => document.activeElement).toBe(screen.getByTestId("mentor-edit"));
  });
});

describe("MentorPage delete dialog", () => {
  it("names the prospect's own way to keep the history and leaves out what there is none of", async () => {
    const { user } = setup("prospective", ["active", "ended"], {
      conversations: 0,
      actionItems: 0,
      outreach: 2,
      relationshipChecks: 0,
      reviews: 0,
    });
    await user.click(await screen.findByTestId("mentor-delete"));
    const dialog = screen.getByRole("dialog");
    expect(within(dialog).getByTestId("delete-impact")).toHaveTextContent("This also deletes 2 outreach entries. It cannot be undone.");
    expect(dialog).not.toHaveTextContent(/\b0 /);
    expect(dialog).toHaveTextContent("To keep the history, use “Stop pursuing” instead.");
    expect(dialog).not.toHaveTextContent("end the relationship");
  });

  it("lists every count there is, and says so when there is nothing else", async () => {
    const { user } = setup("active", ["paused", "ended"], {
      conversations: 3,
      actionItems: 1,
      outreach: 0,
      relationshipChecks: 2,
      reviews: 1,
    });
    await user.click(await screen.findByTestId("mentor-delete"));
    const dialog = screen.getByRole("dialog");
    expect(within(dialog).getByTestId("delete-impact")).toHaveTextContent(
      "This also deletes 3 conversations, 1 action item, 2 relationship checks and their part in 1 review.",
    );
    expect(dialog).toHaveTextContent("To keep the history, use “End relationship” instead.");
  });

  it("offers no other way when the relationship has ended already", async () => {
    const { user } = setup("ended", ["active"]);
    await user.click(await screen.findByTestId("mentor-delete"));
    const dialog = screen.getByRole("dialog");
    expect(within(dialog).getByTestId("delete-impact")).toHaveTextContent(
      "Nothing else is recorded with Dr. Amara Osei. It cannot be undone.",
    );
    expect(within(dialog).queryByTestId("delete-instead")).not.toBeInTheDocument();
  });
});

describe("MentorPage facts", () => {
  it("says how the mentorship came about in a trainee's words", async () => {
    setup("active", ["paused", "ended"]);
    await screen.findByTestId("mentor-page-name");
    expect(document.body).toHaveTextContent("How it began We found each other");
    expect(document.body).not.toHaveTextContent(/Organic/);
  });
});

describe("MentorPage timeline", () => {
  /** A core with `total` notes, newest first, answering pages of 50 after the key it is given. */
  function withNotes(total: number) {
    const notes: Conversation[] = Array.from({ length: total }, (_, i) =>
      conversation({
        id: total - i,
        title: `Note ${total - i}`,
        occurredAt: `2026-11-${String(30 - Math.floor(i / 10)).padStart(2, "0")}T09:00:00`,
      }),
    );
    const asked: unknown[] = [];
    mockIPC((cmd, args) => {
      switch (cmd) {
        case "mentor_get":
          return mentor();
        case "conversations_list": {
          const after = (args as { after: [string, number] | null }).after;
          asked.push(after);
          const from = after === null ? 0 : notes.findIndex((n) => n.id === after[1]) + 1;
          return [notes.slice(from, from + 50), from + 50 < notes.length];
        }
        case "mentors_list":
        case "mentor_history":
        case "outreach_list":
        case "action_items_list":
        case "mentor_introductions":
          return [];
      }
      throw new Error(`unexpected ${cmd}`);
    });
    render(MentorPage, { props: { id: 1 } });
    return { asked, user: userEvent.setup() };
  }
  const titles = () => screen.queryAllByTestId("timeline-entry").map((e) => e.querySelector("strong")?.textContent);

  it("shows the first page, asks for the next after the last note shown, and appends it", async () => {
    const { asked, user } = withNotes(70);
    await expect.poll(titles).toHaveLength(50);
    expect(screen.getByTestId("timeline-count")).toHaveTextContent("Newest 50 notes shown; older ones load as you scroll.");
    await user.click(screen.getByTestId("timeline-more"));
    await expect.poll(titles).toHaveLength(70);
    expect(asked).toEqual([null, ["2026-11-26T09:00:00", 21]]);
    expect(titles()).toEqual(Array.from({ length: 70 }, (_, i) => `Note ${70 - i}`));
    expect(screen.queryByTestId("timeline-more"), "no more to show once the core says so").not.toBeInTheDocument();
    expect(screen.getByTestId("timeline-count")).toHaveTextContent("All 70 notes.");
  });

  it("offers no more when the first page is all there is", async () => {
    const { asked } = withNotes(12);
    await expect.poll(titles).toHaveLength(12);
    expect(screen.queryByTestId("timeline-more")).not.toBeInTheDocument();
    expect(screen.getByTestId("timeline-count")).toHaveTextContent("All 12 notes.");
    expect(asked).toEqual([null]);
  });

  it("keeps the empty state when there are no notes", async () => {
    withNotes(0);
    expect(await screen.findByText(/No conversations logged yet/)).toBeInTheDocument();
    expect(screen.queryByTestId("mentor-timeline")).not.toBeInTheDocument();
  });
});
