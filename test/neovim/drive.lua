-- Drives a real headless Neovim as a user would, after the README's configuration (loaded first as
-- init.lua by test/lsp/neovim.test.ts): opens the seed policy, waits for its diagnostics, applies
-- the quick fix of IAM100 through vim.lsp.buf.code_action (vim.ui.select answered by the script),
-- hovers the fixed action, asks for completion where "s3:Put" is typed, ranked and filtered the way
-- Neovim's omnifunc does it, and runs the access-summary code lens. Then, in a bucket policy, it
-- takes the zone-of-trust fix, which the server writes into .iam-lint.json through the editor.
-- Everything seen is written as JSON to $IAM_RESULT; any failure ends the run with its message there.
local result = { notifications = {}, messages = {} }
local result_path = os.getenv('IAM_RESULT')
local policy_path = os.getenv('IAM_POLICY')
local bucket_policy_path = os.getenv('IAM_BUCKET_POLICY')
local timeout = 15000

local function finish()
  local file = assert(io.open(result_path, 'w'))
  file:write(vim.fn.json_encode(result))
  file:close()
  vim.cmd('qall!')
end

-- what Neovim would show the user (an unsupported command, a failed edit, ...)
vim.notify = function(message, level)
  table.insert(result.notifications, { message = tostring(message), level = level or 0 })
end
local show_message = vim.lsp.handlers['window/showMessage']
vim.lsp.handlers['window/showMessage'] = function(err, message, ctx, config)
  table.insert(result.messages, message.message)
  return show_message(err, message, ctx, config)
end

-- The code-action menu, answered with the first action whose title has `wanted`; the titles offered.
local function choose_code_action(wanted)
  local offered = {}
  vim.ui.select = function(items, opts, on_choice)
    local chosen
    for _, item in ipairs(items) do
      local title = opts.format_item(item)
      table.insert(offered, title)
      if not chosen and title:find(wanted, 1, true) then chosen = item end
    end
    on_choice(chosen)
  end
  vim.lsp.buf.code_action()
  return offered
end

local function codes(bufnr)
  local list = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do table.insert(list, d.code) end
  table.sort(list)
  return list
end

local function count(list, code)
  return #vim.tbl_filter(function(c) return c == code end, list)
end

local function wait_for(what, condition)
  if not vim.wait(timeout, condition, 20) then error('timed out waiting for ' .. what) end
end

-- The 0-based line and byte column of the first match of `pattern` (plain) in the buffer.
local function find(bufnr, text)
  for line, content in ipairs(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)) do
    local col = content:find(text, 1, true)
    if col then return line - 1, col - 1 end
  end
  error('not in the buffer: ' .. text)
end

local function run()
  vim.cmd('edit ' .. vim.fn.fnameescape(policy_path))
  local bufnr = vim.api.nvim_get_current_buf()
  result.filetype = vim.bo[bufnr].filetype
  wait_for('diagnostics', function() return #vim.diagnostic.get(bufnr) > 0 end)
  result.diagnostics = codes(bufnr)
  local client = vim.lsp.get_active_clients()[1]
  result.client = client.name

  -- the quick fix of "s3.ListBucket" (IAM100), chosen as a user would in the code-action menu
  local line, col = find(bufnr, '"s3.ListBucket"')
  vim.api.nvim_win_set_cursor(0, { line + 1, col + 2 })
  local before = vim.api.nvim_buf_get_lines(bufnr, line, line + 1, false)[1]
  local offered = choose_code_action('s3:ListBucket')
  wait_for('the quick fix', function() return vim.api.nvim_buf_get_lines(bufnr, line, line + 1, false)[1] ~= before end)
  result.code_actions = offered
  result.fixed_line = vim.api.nvim_buf_get_lines(bufnr, line, line + 1, false)[1]
  wait_for('diagnostics after the fix', function() return count(codes(bufnr), 'IAM100') < count(result.diagnostics, 'IAM100') end)
  result.diagnostics_after_fix = codes(bufnr)

  -- hover on the fixed action
  line, col = find(bufnr, '"s3:ListBucket"')
  vim.api.nvim_win_set_cursor(0, { line + 1, col + 3 })
  local hovers = vim.lsp.buf_request_sync(bufnr, 'textDocument/hover', vim.lsp.util.make_position_params(), timeout)
  for _, response in pairs(hovers or {}) do
    if response.result then
      result.hover = table.concat(vim.lsp.util.convert_input_to_markdown_lines(response.result.contents), '\n')
    end
  end

  -- completion where "s3:Put" is typed, as the omnifunc ranks and filters it
  vim.api.nvim_buf_set_text(bufnr, line, col + 1, line, col + 1 + #'s3:ListBucket', { 's3:Put' })
  local cursor = col + 1 + #'s3:Put'
  vim.api.nvim_win_set_cursor(0, { line + 1, cursor })
  local responses = vim.lsp.buf_request_sync(bufnr, 'textDocument/completion', vim.lsp.util.make_position_params(), timeout)
  local completion
  for _, response in pairs(responses or {}) do completion = response.result end
  local items = vim.lsp.util.extract_completion_items(completion or {})
  -- the omnifunc's prefix starts where the server's edits start (its adjust_start_col), else at the keyword
  local start = vim.fn.match(vim.api.nvim_get_current_line():sub(1, cursor), '\\k*$')
  for _, item in ipairs(items) do
    if item.textEdit and item.textEdit.range then start = math.min(start, item.textEdit.range.start.character) end
  end
  local prefix = vim.api.nvim_get_current_line():sub(start + 1, cursor)
  result.completion_prefix = prefix
  result.completion = {}
  for index, item in ipairs(vim.lsp.util.text_document_completion_list_to_complete_items(completion or {}, prefix)) do
    if index > 10 then break end
    table.insert(result.completion, item.word)
  end
  result.completion_snippets = #vim.tbl_filter(function(item) return item.insertTextFormat == 2 end, items)
  result.completion_commands = #vim.tbl_filter(function(item) return item.command ~= nil end, items)

  -- the access-summary code lens above the policy
  vim.lsp.codelens.refresh()
  wait_for('code lenses', function() return #vim.lsp.codelens.get(bufnr) > 0 end)
  local lens = vim.lsp.codelens.get(bufnr)[1]
  result.code_lens = lens.command.title
  vim.api.nvim_win_set_cursor(0, { lens.range.start.line + 1, 0 })
  vim.lsp.codelens.run()
  wait_for('the access summary', function() return #result.messages > 0 end)
  result.access_summary = result.messages[1]

  -- the zone-of-trust fix on the bucket policy's principal: .iam-lint.json written through the editor
  vim.cmd('edit ' .. vim.fn.fnameescape(bucket_policy_path))
  local bucket = vim.api.nvim_get_current_buf()
  wait_for('the bucket policy attached', function() return #vim.lsp.buf_get_clients(bucket) > 0 end)
  line, col = find(bucket, 'arn:aws:iam::444455556666:root')
  vim.api.nvim_win_set_cursor(0, { line + 1, col + 2 })
  result.zone_actions = choose_code_action('zone of trust')
  local settings_path = vim.fn.fnamemodify(bucket_policy_path, ':h') .. '/.iam-lint.json'
  wait_for('the settings file edited', function()
    local settings = vim.fn.bufnr(settings_path)
    return settings > 0 and table.concat(vim.api.nvim_buf_get_lines(settings, 0, -1, false), '\n'):find('zoneOfTrust', 1, true) ~= nil
  end)
  result.settings_file = table.concat(vim.api.nvim_buf_get_lines(vim.fn.bufnr(settings_path), 0, -1, false), '\n')
end

local ok, err = pcall(run)
if not ok then result.error = tostring(err) end
finish()
