/** GitHub's documented size and count limits that the reporting layer respects. */

/** Issue and pull request comment bodies: "maximum is 65536 characters". */
export const COMMENT_BODY_LIMIT = 65_536;

/** Check run `output.summary` and `output.text`: 65535 characters each. */
export const CHECK_OUTPUT_LIMIT = 65_535;

/** Annotations accepted by one create or update check-run request. */
export const CHECK_ANNOTATIONS_PER_REQUEST = 50;

/** A step's job summary: 1 MiB; larger summaries are not shown. */
export const STEP_SUMMARY_LIMIT_BYTES = 1024 * 1024;

/** Workflow-command annotations shown per step, per level (error, warning, notice). */
export const ANNOTATIONS_PER_STEP_PER_LEVEL = 10;

/** Commit status `description`: GitHub keeps at most 140 characters. */
export const STATUS_DESCRIPTION_LIMIT = 140;
