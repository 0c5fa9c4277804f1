// How far a backup has got, as the core reports it with the `backup-progress` event. A local copy
// of the shape until the generated binding (bindings/BackupProgress.ts) lands; then this interface
// goes and the wording stays.

export interface BackupProgress {
  stage: "snapshot" | "verify" | "secondPlace" | "done";
  /** 0..1 within the snapshot stage. */
  fraction: number;
}

/** The stage in words, for the line beside the progress bar. */
export function stageText(progress: BackupProgress): string {
  switch (progress.stage) {
    case "snapshot":
      return `Copying your journal… ${Math.round(Math.min(Math.max(progress.fraction, 0), 1) * 100)}%`;
    case "verify":
      return "Checking the copy…";
    case "secondPlace":
      return "Copying to your second place…";
    case "done":
      return "Backed up.";
  }
}
