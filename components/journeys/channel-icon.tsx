import { AppWindow, Globe, Headset, Mail, MessageCircle, Share2, Store, type LucideIcon } from "lucide-react";
import type { Channel } from "@/server/domain/enums";

const ICONS: Record<Channel, LucideIcon> = {
  store: Store,
  web: Globe,
  app: AppWindow,
  call_centre: Headset,
  email: Mail,
  social: Share2,
  chat: MessageCircle,
};

/** A touchpoint's channel as an icon; decorative (the channel's name is always written beside it). */
export function ChannelIcon({ channel, className }: { channel: Channel; className?: string }) {
  const Icon = ICONS[channel];
  return <Icon aria-hidden className={className} />;
}
