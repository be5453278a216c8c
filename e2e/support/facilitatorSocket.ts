import { io, type Socket } from 'socket.io-client';

/**
 * The facilitator's commands sent straight over socket.io (as the console sends them), for specs
 * about what other screens show: the run, the raised hand, the matrix. Every command awaits its ack.
 */
export class FacilitatorSocket {
  private constructor(private readonly socket: Socket) {}

  static async connect(url: string, workshopId: string, token: string): Promise<FacilitatorSocket> {
    const socket = io(url, {
      auth: { role: 'facilitator', protocol: 1, workshopId, token },
      forceNew: true,
      transports: ['websocket'],
      extraHeaders: { origin: url },
    });
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
    return new FacilitatorSocket(socket);
  }

  async send(name: string, payload: object): Promise<void> {
    const reply = (await this.socket.timeout(10_000).emitWithAck(name, payload)) as { ok: boolean; code?: string; message?: string };
    if (!reply.ok) throw new Error(`${name} refused: ${reply.code} ${reply.message}`);
  }

  close(): void {
    this.socket.close();
  }
}
