-- vnlint for plain text and Markdown (Neovim 0.7: start_client + attach).
local vnlint_id
vim.api.nvim_create_autocmd('FileType', {
  pattern = {'text', 'markdown'},
  callback = function(args)
    if not (vnlint_id and vim.lsp.get_client_by_id(vnlint_id)) then
      vnlint_id = vim.lsp.start_client({
        name = 'vnlint',
        cmd = {'vnlint', '--lsp'},
        root_dir = vim.fn.getcwd(),
      })
    end
    vim.lsp.buf_attach_client(args.buf, vnlint_id)
  end,
})
