/** Download links for the server's exports: commitments, progress and warnings as CSV, XLSX and JSON; budget lines too. */
import { exportHref, type ExportFormat, type ExportKind } from '../../api/duixian.api.ts';
import type { Place } from '../../api/view-types.ts';
import { useI18n } from '../../i18n/i18n.context.tsx';
import type { MessageKey } from '../../i18n/messages.zh.ts';

const KINDS: readonly [ExportKind, MessageKey][] = [
  ['commitments', 'nav.commitments'],
  ['progress', 'commitments.timeline'],
  ['warnings', 'staff.warnings'],
  ['budget-lines', 'budget.lines'],
];
const FORMATS: readonly ExportFormat[] = ['csv', 'xlsx', 'json'];

export function ExportsPage({ place }: { readonly place: Place }) {
  const { t } = useI18n();
  return (
    <section className="card">
      <table>
        <tbody>
          {KINDS.map(([kind, label]) => (
            <tr key={kind}>
              <th scope="row">{t(label)}</th>
              <td className="actions">
                {FORMATS.map((format) => (
                  <a key={format} className="button secondary" href={exportHref(kind, format, place)} download>
                    {format.toUpperCase()}
                  </a>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
