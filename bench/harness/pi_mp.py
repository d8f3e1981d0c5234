"""The pure-Python side of the gopy talk's calculatePi comparison (2017), as the talk wrote it:
a multiprocessing.Pool with one process per core, started inside every GetPI call."""
import multiprocessing
import random
from multiprocessing import Pool


def monte_carlo_pi_part(n):
    count = 0
    for i in range(int(n)):
        x = random.random()
        y = random.random()

        # if it is within the unit circle
        if x * x + y * y <= 1:
            count = count + 1

    return count


def GetPI(n):
    np = multiprocessing.cpu_count()
    part_count = [n / np for i in range(np)]
    pool = Pool(processes=np)
    try:
        count = pool.map(monte_carlo_pi_part, part_count)
    finally:
        pool.close()
        pool.join()
    return sum(count) / (n * 1.0) * 4
