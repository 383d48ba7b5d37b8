# The union's name, shared by every leaflet. Translate it if your members use a
# translated name; keep it if they say it in English.
-union-name = Warehouse Workers Union
