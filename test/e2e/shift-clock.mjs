// Preloaded into the bot process by the e2e harness (WorldOptions.clockOffsetMs): the bot's wall clock
// runs ROGUARD_TEST_CLOCK_OFFSET_MS ahead, so a test can put the bot on a Sunday (the summary's weekly
// chart) without waiting for one. Timers and performance.now() are untouched; only Date moves.
const offset = Number(process.env.ROGUARD_TEST_CLOCK_OFFSET_MS ?? "0");
if (Number.isFinite(offset) && offset !== 0) {
  const RealDate = Date;
  class ShiftedDate extends RealDate {
    constructor(...args) {
      if (args.length === 0) super(RealDate.now() + offset);
      else super(...args);
    }
    static now() {
      return RealDate.now() + offset;
    }
  }
  globalThis.Date = ShiftedDate;
}
