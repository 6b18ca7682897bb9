-- Driven by tests/lsp/editors.sh: with nvim-init.lua (the snippet of
-- docs/editors.md) loaded, open a Markdown and a text buffer, print their
-- diagnostics, apply the first quick fix through vim.lsp.buf.code_action.
local function show(buf)
  vim.wait(10000, function() return #vim.diagnostic.get(buf) > 0 end)
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    print(string.format('%s %d:%d-%d:%d [%s]',
      vim.fn.fnamemodify(vim.api.nvim_buf_get_name(buf), ':t'),
      d.lnum, d.col, d.end_lnum, d.end_col, d.code))
  end
end
vim.cmd('edit test.md')
show(0)
vim.cmd('edit test.txt')
show(0)
print('servers: ' .. #vim.lsp.get_active_clients())
-- Pick the first action where a user would choose from a menu.
vim.ui.select = function(items, _, on_choice)
  print('first action: ' .. items[1][2].title)
  on_choice(items[1], 1)
end
vim.api.nvim_win_set_cursor(0, {1, 20})
vim.lsp.buf.code_action()
vim.wait(10000, function()
  return vim.api.nvim_buf_get_lines(0, 0, 1, true)[1]:find('hoàn') ~= nil
end)
print('line 1: ' .. vim.api.nvim_buf_get_lines(0, 0, 1, true)[1])
vim.wait(10000, function() return #vim.diagnostic.get(0) == 1 end)
print('diagnostics after the fix: ' .. #vim.diagnostic.get(0))
vim.cmd('qall!')
