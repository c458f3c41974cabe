/**
 * A usage meter that simulates an application-server restart: after `afterCharges` calls that
 * charge units, every further N-API call throws SSS_APP_SERVER_RESTART, so a script's own
 * try/catch cannot keep the invocation alive.
 */
import { NS, SuiteScriptError } from '../../errors';
import { UsageMeter } from '../../governance';

export class RestartingMeter extends UsageMeter {
  private chargedCalls = 0;
  private killed = false;

  constructor(
    limit: number,
    private readonly afterCharges: number,
  ) {
    super(limit);
  }

  get tripped(): boolean {
    return this.killed;
  }

  override charge(api: string, units: number): void {
    if (this.killed || (units > 0 && this.chargedCalls >= this.afterCharges)) {
      this.killed = true;
      throw restartError();
    }
    super.charge(api, units);
    if (units > 0) this.chargedCalls += 1;
  }
}

export function restartError(): SuiteScriptError {
  return new SuiteScriptError(
    NS.SSS_APP_SERVER_RESTART,
    'The application server restarted while this invocation was running; it will be run again.',
  );
}
