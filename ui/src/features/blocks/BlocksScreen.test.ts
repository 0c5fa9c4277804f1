import { describe, expect, it } from "vitest";
import { mockIPC } from "@tauri-apps/api/mocks";
import { render, screen } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import BlocksScreen from "./BlocksScreen.svelte";
import type { Block } from "../../bindings/Block";
import type { BlockInput } from "../../bindings/BlockInput";
import { mentor } from "../../test/fixtures";

function setup() {
  const sent: BlockInput[] = [];
  let blocks: Block[] = [];
  mockIPC((cmd, raw) => {
    if (cmd === "blocks_list") return blocks;
    if (cmd === "mentors_list") return [{ mentor: mentor({ id: 1 }) }, { mentor: mentor({ id: 2, name: "Dr. Tomasz Wierzbicki" }) }];
    if (cmd === "block_add") {
      const input = (raw as { block: BlockInput }).block;
      sent.push(input);
      if (!input.allMentors && input.mentorIds.length === 0) {
        throw { code: "VALIDATION", message: "Choose the mentors it applies to, or apply it to every mentor.", field: "mentorIds" };
      }
      const added = { id: 4, ...input, createdAt: "", updatedAt: "" };
      blocks = [added];
      return added;
    }
    throw new Error(`unexpected ${cmd}`);
  });
  render(BlocksScreen);
  return { sent, user: userEvent.setup() };
}

describe("BlocksScreen", () => {
  it("asks for the first day, sends a one-day block when the last is left empty, and lists it", async () => {
    const { sent, user } = setup();
    await user.click(await screen.findByTestId("block-add"));
    await user.type(screen.getByTestId("bf-title"), "Exam day");
    await user.click(screen.getByTestId("bf-save"));
    expect(await screen.findByText("Choose the first day of the block.")).toBeInTheDocument();
    expect(sent).toHaveLength(0);

    const starts = screen.getByTestId<HTMLInputElement>("bf-starts");
    await user.type(starts, "2027-03-04");
    // A last day half typed (WebKit reports its value as "") is not taken for "the same day".
    const ends = screen.getByTestId<HTMLInputElement>("bf-ends");
    Object.defineProperty(ends, "validity", { configurable: true, value: { badInput: true } });
    await user.click(screen.getByTestId("bf-save"));
    expect(await screen.findByText("Finish the date (day, month and year), or clear it.")).toBeInTheDocument();
    expect(ends).toHaveAttribute("aria-invalid", "true");
    expect(sent).toHaveLength(0);
    Object.defineProperty(ends, "validity", { configurable: true, value: { badInput: false } });
    await user.click(screen.getByTestId("bf-save"));
    await screen.findByTestId("block-row");
    expect(sent[0]).toMatchObject({
      title: "Exam day",
      startsOn: "2027-03-04",
      endsOn: "2027-03-04",
      pausesCadence: true,
      allMentors: true,
    });
    expect(screen.getByTestId("block-applies")).toHaveTextContent("Pauses the cadence for every mentor");
  });

  it("shows the core's refusal beside the mentors, and keeps what was typed", async () => {
    const { sent, user } = setup();
    await user.click(await screen.findByTestId("block-add"));
    await user.type(screen.getByTestId("bf-title"), "ICU nights");
    await user.type(screen.getByTestId("bf-starts"), "2027-02-01");
    await user.type(screen.getByTestId("bf-ends"), "2027-02-28");
    await user.click(screen.getByTestId("bf-some"));
    await user.click(screen.getByTestId("bf-save"));
    expect(await screen.findByText("Choose the mentors it applies to, or apply it to every mentor.")).toBeInTheDocument();
    expect(screen.getByTestId<HTMLInputElement>("bf-title").value).toBe("ICU nights");

    await user.click(screen.getAllByTestId("bf-mentor")[1]!);
    await user.click(screen.getByTestId("bf-save"));
    await screen.findByTestId("block-row");
    expect(sent.at(-1)).toMatchObject({ allMentors: false, mentorIds: [2] });
    expect(screen.getByTestId("block-applies")).toHaveTextContent("Dr. Tomasz Wierzbicki");
  });
});
