from sso.local_provider.server import main

main()
