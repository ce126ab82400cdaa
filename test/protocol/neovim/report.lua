-- Waits for the diagnostics of the open buffer (on the event loop, no fixed sleep), asks for the
-- quick fixes on line 4, and writes what a Neovim user would see to $FRAGMENT_REPORT.
local lines = {}
local published = vim.wait(20000, function() return #vim.diagnostic.get(0) > 0 end, 20)
if not published then table.insert(lines, 'timeout: no diagnostics') end
for _, diagnostic in ipairs(vim.diagnostic.get(0)) do
  table.insert(lines, string.format('%d %s %s', diagnostic.lnum + 1, diagnostic.code or '?', diagnostic.message))
end
local params = {
  textDocument = vim.lsp.util.make_text_document_params(),
  range = { start = { line = 3, character = 3 }, ['end'] = { line = 3, character = 3 } },
  context = { diagnostics = {}, only = { 'quickfix' } },
}
for _, response in pairs(vim.lsp.buf_request_sync(0, 'textDocument/codeAction', params, 10000) or {}) do
  for _, action in ipairs(response.result or {}) do
    table.insert(lines, 'action ' .. action.title .. (action.isPreferred and ' (preferred)' or ''))
  end
end
vim.fn.writefile(lines, vim.env.FRAGMENT_REPORT)
vim.cmd('qa!')
