/** The type voice notes are recorded in where the browser can; the server knows it by its first bytes. */
const preferredType = 'audio/webm;codecs=opus';

/**
 * One voice note being recorded on the device (SPEC W-ATTACH-1): started, its seconds counted for the stop button,
 * stopped into one blob. The microphone is let go when it stops.
 */
export class VoiceRecorder {
  #recording = $state(false);
  #seconds = $state(0);
  #recorder: MediaRecorder | null = null;
  #stream: MediaStream | null = null;
  #chunks: Blob[] = [];
  #ticker: ReturnType<typeof setInterval> | null = null;

  get recording(): boolean {
    return this.#recording;
  }

  get seconds(): number {
    return this.#seconds;
  }

  /** Asks for the microphone and starts; rejects when the device gives none. */
  async start(): Promise<void> {
    if (this.#recording) return;
    this.#stream = await navigator.mediaDevices.getUserMedia({ audio: true });
    const type = MediaRecorder.isTypeSupported(preferredType) ? preferredType : '';
    this.#recorder = new MediaRecorder(this.#stream, type ? { mimeType: type } : {});
    this.#chunks = [];
    this.#recorder.ondataavailable = (event) => {
      if (event.data.size > 0) this.#chunks.push(event.data);
    };
    this.#recorder.start();
    this.#recording = true;
    this.#seconds = 0;
    const started = Date.now();
    this.#ticker = setInterval(() => (this.#seconds = Math.floor((Date.now() - started) / 1000)), 500);
  }

  /** Stops and resolves with the recording. */
  stop(): Promise<Blob> {
    const recorder = this.#recorder;
    if (!recorder) return Promise.reject(new Error('not recording'));
    return new Promise((resolve) => {
      recorder.onstop = () => {
        const type = recorder.mimeType || 'audio/webm';
        resolve(new Blob(this.#chunks, { type: type.split(';')[0] ?? type }));
        this.#release();
      };
      recorder.stop();
    });
  }

  #release(): void {
    if (this.#ticker !== null) clearInterval(this.#ticker);
    this.#ticker = null;
    for (const track of this.#stream?.getTracks() ?? []) track.stop();
    this.#stream = null;
    this.#recorder = null;
    this.#chunks = [];
    this.#recording = false;
  }
}
