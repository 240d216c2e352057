// One icon per kind of object, shared by the canvas, the palette and the panels.
import {
  Boxes,
  Building2,
  Cloud,
  Database,
  Globe,
  Layers,
  Network,
  Server,
  Share2,
  Split,
  ArrowUpRight,
  Zap,
  Box,
  type LucideIcon,
} from 'lucide-react';
import type { ResourceKind } from '../domain/model/plan';

export const RESOURCE_ICONS: Readonly<Record<ResourceKind, LucideIcon>> = {
  cdb: Database,
  redis: Zap,
  memcached: Layers,
  cvm: Server,
  clb: Split,
  other: Box,
};

export const KIND_ICONS = {
  vpc: Cloud,
  subnet: Network,
  cluster: Boxes,
  nat: ArrowUpRight,
  idc: Building2,
  ccn: Share2,
  internet: Globe,
} as const;
