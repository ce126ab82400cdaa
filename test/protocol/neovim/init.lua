-- The README's Neovim set-up, with the server path given by the test.
vim.g.do_filetype_lua = 1
vim.cmd('filetype on')
vim.filetype.add({ extension = { fragment = 'fragment' } })
vim.api.nvim_create_autocmd('FileType', {
  pattern = 'fragment',
  callback = function(args)
    local client_id = vim.lsp.start_client({
      name = 'outcome-fragments',
      cmd = { 'node', vim.env.FRAGMENT_SERVER, '--stdio' },
    })
    vim.lsp.buf_attach_client(args.buf, client_id)
  end,
})
