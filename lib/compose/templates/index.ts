import type { NoteFormat } from '@/lib/model';
import type { Template } from '../template';
import { birpTemplate } from './birp';
import { dapTemplate } from './dap';
import { girpTemplate } from './girp';
import { pirpTemplate } from './pirp';
import { plainTemplate } from './plain';
import { sirpTemplate } from './sirp';
import { soapTemplate } from './soap';

/** The built-in formats. A new format is one file in this folder and one line here. */
export const BUILT_IN_TEMPLATES: Record<NoteFormat, Template> = {
  plain: plainTemplate,
  soap: soapTemplate,
  dap: dapTemplate,
  birp: birpTemplate,
  girp: girpTemplate,
  sirp: sirpTemplate,
  pirp: pirpTemplate,
};
