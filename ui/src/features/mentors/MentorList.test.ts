import { describe, expect, it, vi } from "vitest";
import { mockIPC } from "@tauri-apps/api/mocks";
import { render, screen } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import MentorList from "./MentorList.svelte";
import { go, nav } from "../../lib/nav.svelte";

/** The core as the list meets it: one mentor already there, "Dr. Amara Osei". */
function setup() {
  const added: Array<{ name: string; status: string }> = [];
  mockIPC((cmd, args) => {
    const a = args as { name?: string; mentor?: { name: string; status: string } };
    if (cmd === "mentors_named_like") {
      const folded = (a.name ?? "").toLowerCase().replace(/^dr\.?\s+/, "");
      return folded === "amara osei" ? [{ id: 1, name: "Dr. Amara Osei" }] : [];
    }
    if (cmd === "mentor_add" && a.mentor) {
      added.push({ name: a.mentor.name, status: a.mentor.status });
      return { id: 2 };
    }
    return [];
  });
  render(MentorList);
  return { added, user: userEvent.setup() };
}

describe("MentorList, adding", () => {
  it("warns about a mentor already in the journal and opens that one", async () => {
    const { added, user } = setup();
    await user.type(screen.getByLabelText("Add a mentor"), "amara osei{Enter}");
    expect(await screen.findByTestId("mentor-duplicate")).toHaveTextContent("Dr. Amara Osei is already in your journal.");
    expect(added).toEqual([]);
    go({ kind: "mentors" });
    await user.click(screen.getByRole("button", { name: "Open Dr. Amara Osei" }));
    expect(nav.view).toEqual({ kind: "mentor", id: 1 });
  });

  it("adds a second mentor with the same name only when asked to", async () => {
    const { added, user } = setup();
    await user.type(screen.getByLabelText("Add a mentor"), "Amara Osei{Enter}");
    await user.click(await screen.findByTestId("mentor-duplicate-add"));
    await vi.waitFor(() => expect(added).toEqual([{ name: "Amara Osei", status: "active" }]));
    expect(screen.queryByTestId("mentor-duplicate")).not.toBeInTheDocument();
  });

  it("does not make the next mentor a prospect because the last one was", async () => {
    const { added, user } = setup();
    await user.type(screen.getByLabelText("Add a mentor"), "Dr. Kim");
    await user.click(screen.getByLabelText("Still looking (prospect)"));
    await user.click(screen.getByTestId("mentor-add"));
    await vi.waitFor(() => expect(added).toEqual([{ name: "Dr. Kim", status: "prospective" }]));
    expect(screen.getByLabelText("Still looking (prospect)")).not.toBeChecked();
    await user.type(screen.getByLabelText("Add a mentor"), "Dr. Lee{Enter}");
    await vi.waitFor(() => expect(added).toHaveLength(2));
    expect(added[1]).toEqual({ name: "Dr. Lee", status: "active" });
  });
});

describe("MentorList, errors", () => {
  it("drops the empty-name error as soon as a name is typed", async () => {
    const { user } = setup();
    await user.click(screen.getByTestId("mentor-add"));
    expect(await screen.findByTestId("mentor-name-error")).toHaveTextContent("Give the mentor a name.");
    await user.type(screen.getByLabelText("Add a mentor"), "D");
    expect(screen.queryByTestId("mentor-name-error")).not.toBeInTheDocument();
  });
});
