/**
 * 专业目录导入 (/staff/admin/catalog): choose a JSON file with the same shape as the built-in catalog
 * (functions/domain/catalog/default-catalog.json); the server checks all of it (schema and
 * cross-references) and replaces the catalog only when nothing is wrong. A refusal lists every problem
 * by its place in the file.
 */
import { useState, type ChangeEvent, type FormEvent } from 'react';
import { isApiError } from '../../api';
import { Page } from '../../components/Page';
import { forgetCatalog } from '../catalog';
import { describedBy, Field, FormError } from '../../components/Form';
import { staffApi, type CatalogImportView } from '../staff-api';

/** Largest catalog file the route takes (functions/routes.ts importCatalog maxBodyBytes: 350 KiB). */
const MAX_BYTES = 340 * 1024;

/** The catalog import page. */
export function CatalogImport() {
  const [catalog, setCatalog] = useState<unknown>(undefined);
  const [fileName, setFileName] = useState<string | null>(null);
  const [error, setError] = useState<{ message: string; items: string[] } | null>(null);
  const [result, setResult] = useState<CatalogImportView | null>(null);
  const [busy, setBusy] = useState(false);

  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    setResult(null);
    setError(null);
    setCatalog(undefined);
    setFileName(null);
    if (!file) return;
    if (file.size > MAX_BYTES) {
      setError({ message: '文件过大（上限约340KB），请检查是否选错文件。', items: [] });
      return;
    }
    try {
      setCatalog(JSON.parse(await file.text()));
      setFileName(file.name);
    } catch {
      setError({ message: '该文件不是有效的 JSON，请选择导出的专业目录文件。', items: [] });
    }
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setResult(null);
    if (catalog === undefined) {
      setError({ message: '请先选择专业目录 JSON 文件。', items: [] });
      document.getElementById('catalog-file')?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      setResult(await staffApi.importCatalog(catalog));
      forgetCatalog();
    } catch (e) {
      setError(
        isApiError(e)
          ? { message: e.message, items: Object.entries(e.fields).map(([path, message]) => `${path}：${message}`) }
          : { message: '导入失败，请稍后再试。', items: [] },
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <Page title="专业目录导入" lead="专业、课程、免考确认点、证书类型与免考规则一并替换；有任何错误时不作更改。">
      <form className="form form-narrow" onSubmit={submit} noValidate>
        <FormError message={error?.message ?? null} extra={error?.items} />
        <Field
          id="catalog-file"
          label="专业目录文件（JSON）"
          hint={fileName ? `已选择：${fileName}` : '与系统内置目录结构相同的 JSON 文件'}
        >
          <input
            id="catalog-file"
            className="input file-input"
            type="file"
            accept=".json,application/json"
            onChange={choose}
            aria-describedby={describedBy('catalog-file', true, null)}
          />
        </Field>
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? '正在导入…' : '导入专业目录'}
        </button>
      </form>
      {result ? (
        <div className="notice notice-success" role="status">
          <p className="notice-title">专业目录已更新（版本 {result.version}）</p>
          <p>
            专业 {result.majors} 个，课程 {result.courses} 门，证书类型 {result.certificateTypes} 种，免考规则{' '}
            {result.exemptionRules} 条，免考确认点 {result.confirmationPoints} 个。
          </p>
        </div>
      ) : null}
    </Page>
  );
}
