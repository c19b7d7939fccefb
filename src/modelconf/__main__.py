from modelconf.cli import main

main()
