import { describe, expect, it, vi } from "vitest";
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
    expect(input).toHaveFocus();
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
