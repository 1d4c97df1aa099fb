/**
 * 在籍考生名册导入 (/staff/admin/roster): paste the CSV or choose a file; its text is sent as is and the
 * server checks every row. The report says how many rows were taken and lists each refused row with its
 * line number and reason. Files saved by Excel in Chinese Windows are often GBK, not UTF-8: a file that
 * is not valid UTF-8 is read as GB18030 (a superset of GBK) instead.
 */
import { useState, type ChangeEvent, type FormEvent } from 'react';
import { isApiError } from '../../api';
import { Page } from '../../components/Page';
import { describedBy, Field, FormError } from '../../components/Form';
import { staffApi, type RosterImportView } from '../staff-api';

/** Largest CSV the route takes (functions/domain/admin/api.ts RosterImportBody: 1 MiB of text). */
const MAX_CHARS = 1024 * 1024;

/** Decodes a CSV file: UTF-8 when valid, else GB18030 (Excel's "CSV" on Chinese Windows). */
export async function readCsvFile(file: Blob): Promise<string> {
  const bytes = await file.arrayBuffer();
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

/** The roster import page. */
export function RosterImport() {
  const [csv, setCsv] = useState('');
  const [fileName, setFileName] = useState<string | null>(null);
  const [report, setReport] = useState<RosterImportView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const chooseFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (!file) return;
    setError(null);
    setReport(null);
    try {
      setCsv(await readCsvFile(file));
      setFileName(file.name);
    } catch {
      setError('无法读取该文件，请确认是CSV文本文件。');
    }
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setReport(null);
    if (!csv.trim()) {
      setError('请粘贴名册内容或选择CSV文件。');
      document.getElementById('roster-csv')?.focus();
      return;
    }
    if (csv.length > MAX_CHARS) {
      setError('文件过大，请分批导入（每次不超过5000行）。');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      setReport(await staffApi.importRoster(csv));
    } catch (e) {
      setError(isApiError(e) ? e.message : '导入失败，请稍后再试。');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Page title="在籍考生名册导入">
      <div className="notice notice-info">
        <p className="notice-title">CSV 格式</p>
        <p>
          每行一名考生，列依次为：姓名、身份证号、准考证号、专业代码（多个专业用“;”或“、”分隔）、确认点编号（选填）。第一行可以是表头。
          同一身份证号再次导入时以新数据为准。
        </p>
        <pre className="sample">
          姓名,身份证号,准考证号,专业代码,确认点编号{'\n'}王小明,140102199003071235,010120100001,020204;080702,taiyuan
        </pre>
      </div>
      <form onSubmit={submit} noValidate className="form-wide">
        <FormError message={error} />
        <Field id="roster-file" label="选择CSV文件" optional hint="UTF-8 或 Excel 保存的 GBK 编码均可">
          <input
            id="roster-file"
            className="input file-input"
            type="file"
            accept=".csv,text/csv,text/plain"
            onChange={chooseFile}
            aria-describedby={describedBy('roster-file', true, null)}
          />
        </Field>
        <Field
          id="roster-csv"
          label="名册内容"
          hint={fileName ? `已读取文件：${fileName}（可在下方核对或修改）` : '也可以直接粘贴CSV内容'}
        >
          <textarea
            id="roster-csv"
            className="input textarea mono"
            rows={10}
            value={csv}
            onChange={(e) => setCsv(e.target.value)}
            spellCheck={false}
            aria-describedby={describedBy('roster-csv', true, null)}
          />
        </Field>
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? '正在导入…' : '导入名册'}
        </button>
      </form>
      {report ? (
        <section className="section" aria-labelledby="roster-report">
          <h2 id="roster-report">导入结果</h2>
          <p role="status">
            成功导入 <strong>{report.accepted}</strong> 行，未导入 <strong>{report.rejected.length}</strong> 行。
          </p>
          {report.rejected.length ? (
            <div className="table-wrap">
              <table className="table">
                <caption className="visually-hidden">未导入的行</caption>
                <thead>
                  <tr>
                    <th scope="col" className="num">
                      行号
                    </th>
                    <th scope="col">原因</th>
                  </tr>
                </thead>
                <tbody>
                  {report.rejected.map((row) => (
                    <tr key={`${row.line}-${row.reason}`}>
                      <td className="num">第{row.line}行</td>
                      <td>{row.reason}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
        </section>
      ) : null}
    </Page>
  );
}
