"""Classroom builds of the series: slides, handouts and a student copy, all usable offline.

* ``python -m tools.classroom.slides``   (``make slides``):  reveal.js decks in build/slides/
* ``python -m tools.classroom.handouts`` (``make html``):    static HTML handouts in build/html/
* ``python -m tools.classroom.student``  (``make student``): the series without solutions in
  build/student/

Small modules, one job each: ``common`` (paths, links, vendored assets, the remote-URL check),
``static_widgets`` (widgets drawn from their saved state), ``export`` (nbconvert with the offline
templates in ``templates/``), ``slides``, ``handouts``, ``student``.
"""
