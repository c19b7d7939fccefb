from modelconf.console import main

main()
