" Drives Vim with ALE against the built server, as test/lsp/ale.test.ts asks: loaded after the
" README's ALE configuration, it waits for the seed policy's diagnostics (polling every 100 ms, 15 s
" at most) and writes their codes as JSON to $IAM_RESULT, then quits.
let s:waited = 0
function! s:Poll(timer) abort
  let s:waited += 100
  let l:found = ale#engine#GetLoclist(bufnr(''))
  if empty(l:found) && s:waited < 15000
    return
  endif
  call timer_stop(a:timer)
  call writefile([json_encode({'filetype': &filetype, 'codes': map(copy(l:found), {_, item -> get(item, 'code', '')})})], $IAM_RESULT)
  qall!
endfunction
call timer_start(100, function('s:Poll'), {'repeat': -1})
