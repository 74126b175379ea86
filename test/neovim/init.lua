-- The README's Neovim configuration, with the server path and an output file taken from the
-- environment so the test can run it headless and read what Neovim received.
vim.api.nvim_create_autocmd({ 'BufReadPost', 'BufNewFile' }, {
  pattern = { 'main.cf*', 'master.cf*', '*.zone', 'db.*' },
  callback = function(args)
    local client_id = vim.lsp.start_client({
      name = 'mailconf',
      cmd = { 'node', os.getenv('MAILCONF_SERVER'), '--stdio' },
      root_dir = vim.fn.fnamemodify(args.file, ':p:h'),
    })
    vim.lsp.buf_attach_client(args.buf, client_id)
  end,
})

-- Test only: wait for diagnostics (Neovim's own event loop, not a sleep), write them out, quit.
vim.api.nvim_create_autocmd('VimEnter', {
  callback = function()
    local buf = vim.api.nvim_get_current_buf()
    local ok = vim.wait(20000, function() return #vim.diagnostic.get(buf) > 0 end, 50)
    local out = io.open(os.getenv('MAILCONF_NVIM_OUT'), 'w')
    out:write(vim.fn.json_encode({ ok = ok, diagnostics = vim.diagnostic.get(buf) }))
    out:close()
    vim.cmd('qall!')
  end,
})
