/**
 * The Flow of a sync log entry (`customrecord_tts_log`) saying a connector script ran low on usage
 * units and left work for its next run (the inventory export when it defers a shop); the doctor's
 * `governance` check counts those of the last day.
 */
export const GOVERNANCE_LOG_FLOW = 'governance';
