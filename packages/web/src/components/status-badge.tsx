/** A schedule status or warning colour as a word with a colour and a shape, never colour alone: ● 逾期. */
import type { WarningColour } from '@duixian/core';
import type { MessageKey } from '../i18n/messages.zh.ts';
import { useI18n } from '../i18n/i18n.context.tsx';

export type { WarningColour };

const SHAPES: Record<WarningColour, string> = { green: '●', yellow: '▲', red: '■' };

export function StatusBadge({ colour, status }: { readonly colour?: WarningColour | null; readonly status?: string | null }) {
  const { t } = useI18n();
  const key = (status ? `status.${status}` : colour ? `status.${colour}` : undefined) as MessageKey | undefined;
  let text = status ?? '';
  if (key) {
    const translated = t(key);
    text = translated === key ? status ?? '' : translated;
  }
  return (
    <span className={`badge badge-${colour ?? 'none'}`}>
      {colour ? <span aria-hidden="true">{SHAPES[colour]} </span> : null}
      {text}
    </span>
  );
}
