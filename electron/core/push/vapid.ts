import webpush from 'web-push';
import { AppError } from '../errors';

/** The salon's VAPID key pair (RFC 8292), base64url: the public key is what the website subscribes with. */
export interface VapidKeys {
  publicKey: string;
  privateKey: string;
}

export function generateVapidKeys(): VapidKeys {
  const { publicKey, privateKey } = webpush.generateVAPIDKeys();
  return { publicKey, privateKey };
}

/** The VAPID `sub` claim: push services want a way to reach whoever sends, so a mailto: of the owner. */
export function vapidSubject(ownerEmail: string | null, salonEmailFallback: string | null = null): string {
  const email = [ownerEmail, salonEmailFallback].map((address) => address?.trim()).find((address) => address);
  if (!email) throw new AppError('conflict', 'Enter your email in Settings first: push services need a contact address');
  return `mailto:${email}`;
}
