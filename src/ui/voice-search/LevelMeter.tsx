export interface LevelMeterProps {
  /** Input level in [0, 1]. */
  level: number;
  active: boolean;
  /** Audio processed since listening started; exposed as data-heard-ms for tests that wait on audio time. */
  heardMs: number;
}

/** The microphone's input level while listening. */
export function LevelMeter({ level, active, heardMs }: LevelMeterProps) {
  return (
    <meter className="level-meter" aria-label="Input level" min={0} max={1} low={0.3} high={0.9} optimum={0.6} value={active ? level : 0} hidden={!active} data-heard-ms={heardMs} />
  );
}
