/**
 * The shared tablet at a site ("borne"): one person at a time gets the whole budget, then the
 * tablet resets for the next with a clear "au suivant" screen. The voter is made anew for each
 * person (an id drawn by the kiosk, registered by the server), so nobody inherits a ballot.
 */
export type KioskSession =
  | { step: 'welcome'; served: number }
  | { step: 'voting'; voterId: string; served: number }
  | { step: 'thanks'; served: number };

export type KioskAction = { type: 'start'; voterId: string } | { type: 'finish' } | { type: 'next' };

export const initialKioskSession: KioskSession = { step: 'welcome', served: 0 };

export function kioskReducer(session: KioskSession, action: KioskAction): KioskSession {
  switch (action.type) {
    case 'start':
      return session.step === 'voting' ? session : { step: 'voting', voterId: action.voterId, served: session.served };
    case 'finish':
      // Only someone who was voting counts as served; the voter id is forgotten here.
      return session.step === 'voting' ? { step: 'thanks', served: session.served + 1 } : session;
    case 'next':
      return { step: 'welcome', served: session.served };
  }
}
