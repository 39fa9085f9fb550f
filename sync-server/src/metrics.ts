/**
 * The few Prometheus instruments the server needs, written out in the text exposition format at `GET /metrics`.
 * Small on purpose: counters, gauges read at scrape time, and one histogram.
 */

type Labels = Readonly<Record<string, string>>;

function labelText(labels: Labels): string {
  const entries = Object.entries(labels);
  if (entries.length === 0) return '';
  const escape = (v: string) => v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
  return `{${entries.map(([k, v]) => `${k}="${escape(v)}"`).join(',')}}`;
}

export class Counter {
  readonly #values = new Map<string, { labels: Labels; value: number }>();
  readonly name: string;
  readonly help: string;

  constructor(name: string, help: string) {
    this.name = name;
    this.help = help;
  }

  inc(by = 1, labels: Labels = {}): void {
    const key = labelText(labels);
    const entry = this.#values.get(key);
    if (entry) entry.value += by;
    else this.#values.set(key, { labels, value: by });
  }

  value(labels: Labels = {}): number {
    return this.#values.get(labelText(labels))?.value ?? 0;
  }

  render(): string {
    const lines = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} counter`];
    if (this.#values.size === 0) lines.push(`${this.name} 0`);
    for (const [key, { value }] of this.#values) lines.push(`${this.name}${key} ${value}`);
    return lines.join('\n');
  }
}

export class Gauge {
  readonly name: string;
  readonly help: string;
  readonly #read: () => number;

  constructor(name: string, help: string, read: () => number) {
    this.name = name;
    this.help = help;
    this.#read = read;
  }

  render(): string {
    return [
      `# HELP ${this.name} ${this.help}`,
      `# TYPE ${this.name} gauge`,
      `${this.name} ${this.#read()}`,
    ].join('\n');
  }
}

export class Histogram {
  readonly name: string;
  readonly help: string;
  readonly #bounds: readonly number[];
  readonly #counts: number[];
  #sum = 0;
  #count = 0;

  constructor(name: string, help: string, bounds: readonly number[]) {
    this.name = name;
    this.help = help;
    this.#bounds = bounds;
    this.#counts = bounds.map(() => 0);
  }

  observe(value: number): void {
    this.#sum += value;
    this.#count++;
    this.#bounds.forEach((bound, i) => {
      if (value <= bound) this.#counts[i] = (this.#counts[i] ?? 0) + 1;
    });
  }

  get count(): number {
    return this.#count;
  }

  render(): string {
    const lines = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} histogram`];
    this.#bounds.forEach((bound, i) => {
      lines.push(`${this.name}_bucket{le="${bound}"} ${this.#counts[i] ?? 0}`);
    });
    lines.push(`${this.name}_bucket{le="+Inf"} ${this.#count}`);
    lines.push(`${this.name}_sum ${this.#sum}`, `${this.name}_count ${this.#count}`);
    return lines.join('\n');
  }
}

/** Every instrument of the sync server (SPEC S-OBS-1). */
export class SyncMetrics {
  readonly updatesRelayed = new Counter(
    'concord_updates_relayed_total',
    'Document updates sent to other clients',
  );
  readonly bytesRelayed = new Counter(
    'concord_bytes_relayed_total',
    'Bytes of document updates sent to clients',
  );
  readonly updatesPersisted = new Counter(
    'concord_updates_persisted_total',
    'Document updates written to storage',
  );
  readonly persistFailures = new Counter('concord_persist_failures_total', 'Storage writes that failed');
  readonly framesRejected = new Counter('concord_frames_rejected_total', 'Frames refused, by close code');
  readonly updatesDropped = new Counter(
    'concord_updates_dropped_total',
    'Updates from read-only sockets, neither applied, stored nor relayed',
  );
  readonly changesRefused = new Counter(
    'concord_changes_refused_total',
    'Parts of updates the guard undid because the sender may not make them',
  );
  readonly persistSeconds = new Histogram(
    'concord_persist_duration_seconds',
    'Time to write one batch of updates to storage',
    [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
  );
  readonly #gauges: Gauge[] = [];

  /** Adds a gauge read when scraped, so the number is never stale. */
  gauge(name: string, help: string, read: () => number): void {
    this.#gauges.push(new Gauge(name, help, read));
  }

  render(): string {
    const all = [
      ...this.#gauges,
      this.updatesRelayed,
      this.bytesRelayed,
      this.updatesPersisted,
      this.persistFailures,
      this.framesRejected,
      this.updatesDropped,
      this.changesRefused,
      this.persistSeconds,
    ];
    return `${all.map((m) => m.render()).join('\n')}\n`;
  }
}
