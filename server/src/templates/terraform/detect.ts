// Whether a file is a Terraform / OpenTofu file or a Terraform plan, from its name, language and
// first characters, without parsing: it runs on every file the editor opens, and the readers (and
// the HCL parser's WebAssembly) are loaded only for files it claims.

const LANGUAGE_IDS = new Set(['terraform', 'opentofu', 'tofu', 'hcl']);
/** where the markers of a plan or state are looked for: they open the file */
const PLAN_HEAD = 4096;

function pathOf(uri: string): string {
  return uri.replace(/[?#].*$/, '');
}

/** `.tf` and `.tofu` files and the Terraform languages; not `.tf.json` (Terraform's JSON syntax is not read). */
export function isTerraformFile(uri: string, languageId: string): boolean {
  return LANGUAGE_IDS.has(languageId) || /\.(tf|tofu)$/i.test(pathOf(uri));
}

/** `terraform show -json` output (a plan or a state): JSON that opens with format_version and terraform_version. */
export function isTerraformPlan(uri: string, languageId: string, text: string): boolean {
  if (languageId !== 'json' && !/\.json$/i.test(pathOf(uri))) return false;
  const head = text.slice(0, PLAN_HEAD);
  return /"format_version"\s*:/.test(head) && /"terraform_version"\s*:/.test(head);
}
