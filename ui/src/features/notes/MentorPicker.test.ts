import { describe, expect, it, vi } from "vitest";
import { mockIPC } from "@tauri-apps/api/mocks";
import { render, screen } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import MentorPicker from "./MentorPicker.svelte";
import { mentor as fixture } from "../../test/fixtures";

const mentor = (id: number, name: string) => fixture({ id, name });

describe("MentorPicker", () => {
  const mentors = [mentor(1, "Dr. Amara Osei"), mentor(2, "Dr. Ines Duarte"), mentor(3, "Dr. Lee")];

  it("filters as you type and picks with Enter", async () => {
    const onpick = vi.fn();
    const user = userEvent.setup();
    render(MentorPicker, { props: { mentors, onpick } });
    const input = screen.getByLabelText("Who did you meet?");
    await vi.waitFor(() => expect(input).toHaveFocus());
    await user.type(input, "duar{Enter}");
    expect(onpick).toHaveBeenCalledWith(mentors[1]);
  });

  it("moves with the arrow keys and says when nothing matches", async () => {
    const onpick = vi.fn();
    const user = userEvent.setup();
    render(MentorPicker, { props: { mentors, onpick } });
    await user.keyboard("{ArrowDown}{ArrowDown}{Enter}");
    expect(onpick).toHaveBeenCalledWith(mentors[2]);
    await user.type(screen.getByLabelText("Who did you meet?"), "zzz");
    expect(screen.getByText(/No mentor matches/)).toBeInTheDocument();
  });
});

describe("MentorPicker, adding on the spot", () => {
  const mentors = [fixture({ id: 1, name: "Dr. Amara Osei" }), fixture({ id: 2, name: "José Müller" })];

  it("finds a name without its accents", async () => {
    const onpick = vi.fn();
    const user = userEvent.setup();
    render(MentorPicker, { props: { mentors, onpick } });
    await user.type(screen.getByLabelText("Who did you meet?"), "jose mu{Enter}");
    expect(onpick).toHaveBeenCalledWith(mentors[1]);
  });

  it("adds a mentor nobody matches with Enter and picks them", async () => {
    const calls: Array<[string, unknown]> = [];
    const added = fixture({ id: 9, name: "Dr. New Person" });
    mockIPC((cmd, args) => {
      calls.push([cmd, args]);
      return cmd === "mentors_named_like" ? [] : added;
    });
    const onpick = vi.fn();
    const user = userEvent.setup();
    render(MentorPicker, { props: { mentors, onpick } });
    await user.type(screen.getByLabelText("Who did you meet?"), "Dr. New Person");
    expect(screen.getByTestId("mentor-pick-add")).toHaveTextContent("Add “Dr. New Person” as a new mentor");
    await user.keyboard("{Enter}");
    await vi.waitFor(() => expect(onpick).toHaveBeenCalledWith(added));
    expect(calls.map(([cmd]) => cmd)).toEqual(["mentors_named_like", "mentor_add"]);
    expect((calls[1]?.[1] as { mentor: { name: string } }).mentor.name).toBe("Dr. New Person");
  });

  it("says when the name is already in the journal outside this list instead of adding it twice", async () => {
    const calls: string[] = [];
    mockIPC((cmd) => {
      calls.push(cmd);
      return [{ id: 5, name: "Dr. Ended Mentor" }];
    });
    const onpick = vi.fn();
    const user = userEvent.setup();
    render(MentorPicker, { props: { mentors, onpick } });
    await user.type(screen.getByLabelText("Who did you meet?"), "ended mentor{Enter}");
    expect(await screen.findByTestId("mentor-pick-existing")).toHaveTextContent("Dr. Ended Mentor is already in your journal");
    expect(onpick).not.toHaveBeenCalled();
    expect(calls).toEqual(["mentors_named_like"]);
  });
});
